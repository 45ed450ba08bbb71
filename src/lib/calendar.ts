/** Month grids for the year pages' calendars: weeks from Monday, as Chinese calendars print them. */

/** The weeks of a month, Monday first; days outside the month are null. */
export function monthWeeks(year: number, month: number): (number | null)[][] {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  // getUTCDay: Sunday 0 … Saturday 6; Monday-first offset of the 1st.
  const offset = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
  const cells: (number | null)[] = [...Array<null>(offset).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}
