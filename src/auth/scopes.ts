/** What a caller may do. Each scope includes the ones before it: admin can write, write can read. */
export const SCOPES = ["read", "write", "admin"] as const;
export type Scope = (typeof SCOPES)[number];

/** Who is calling: the name of their key (what audit records show) and what it allows. */
export interface Principal {
  name: string;
  scope: Scope;
}

export function allows(principal: Principal, needed: Scope): boolean {
  return SCOPES.indexOf(principal.scope) >= SCOPES.indexOf(needed);
}
