import { zhCN } from './zh-CN.ts';

/** A UI string key. */
export type UiKey = keyof typeof zhCN;

/** The UI string for a key, with `{name}` placeholders filled from `values`; a missing value is an error. */
export function t(key: UiKey, values: Record<string, string | number> = {}): string {
  return zhCN[key].replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`UI string "${key}" needs a value for {${name}}`);
    return String(value);
  });
}
