/** The GraphQL API's base URL as this server reaches it; read at run time, never at build time. */
export function apiUrl(): string {
  return (process.env.API_URL ?? "http://localhost:4000").replace(/\/+$/, "");
}
