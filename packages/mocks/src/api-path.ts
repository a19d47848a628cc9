/** Path below `/client/v4` (or from `/accounts/` when a proxy strips the base path). */
export function apiPath(pathname: string): string {
  const base = pathname.indexOf("/client/v4/");
  if (base !== -1) return pathname.slice(base + "/client/v4".length);
  const accounts = pathname.indexOf("/accounts/");
  return accounts === -1 ? pathname : pathname.slice(accounts);
}
