/** A section heading as bulletins print it, in brackets or between matching marks. */

/** A section heading in brackets or between matching marks: 【市局工作】, 〖…〗, 〔…〕, ［…］, ◆工作动态◆, ——工作动态——. */
export const BRACKET_SECTION =
  /^(?:[【〖〔［[]\s*([^】〗〕］\]]{1,20}?)\s*[】〗〕］\]]|([◆◇★☆■□●○▲△])\s*([^◆◇★☆■□●○▲△]{1,20}?)\s*\2|[—－]{2,}\s*([^—－]{1,20}?)\s*[—－]{2,})$/u;

/** The name of a section heading printed in brackets or between marks (【市局工作】 → 市局工作); undefined for other text. */
export function sectionInBrackets(text: string): string | undefined {
  const match = BRACKET_SECTION.exec(text);
  return match ? (match[1] ?? match[3] ?? match[4])!.trim() : undefined;
}
