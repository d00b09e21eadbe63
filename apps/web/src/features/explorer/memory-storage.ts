/**
 * Where the query explorer keeps its tabs, query history and settings: in memory, for as long as
 * the page is open. GraphiQL would otherwise keep them in `localStorage`, where the next person on
 * a shared workstation would find them (and the persons' IDs a drill-down query names).
 */
export function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => {
      items.set(key, value);
    },
    removeItem: (key: string) => {
      items.delete(key);
    },
    clear: () => items.clear(),
    get length() {
      return items.size;
    },
  };
}
