// The roles and their names live once, in the server's core (src/core/roles.ts).
import { ROL_NOMBRE as NOMBRES } from '$core/roles';

export { ROLES, type Rol } from '$core/roles';
/** The Spanish name of each role (indexable by any text, as the pages read it from the API). */
export const ROL_NOMBRE: Readonly<Record<string, string>> = NOMBRES;
