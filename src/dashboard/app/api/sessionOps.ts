import { op, USER_ERROR_FIELDS, type UserError } from './client.ts';
import type { Organization, Platform, User } from './types.ts';

export const SIGN_IN = op<
  { signIn: { session: { token: string; user: User } | null; errors: UserError[] } },
  { email: string; password: string }
>(`mutation SignIn($email: String!, $password: String!) {
  signIn(input: { email: $email, password: $password }) {
    session { token user { id name email } }
    ${USER_ERROR_FIELDS}
  }
}`);

export const SIGN_OUT = op<{ signOut: boolean }>(`mutation SignOut { signOut }`);

export const VIEWER = op<{ viewer: { user: User | null; organizations: Organization[] } }>(`query Viewer {
  viewer { user { id name email } organizations { id name viewerRole } }
}`);

/** Asked apart from the viewer: it needs the sync engine, and the dashboard works without names. */
export const PLATFORMS = op<{ platforms: Platform[] }>(`query Platforms { platforms { id name } }`);
