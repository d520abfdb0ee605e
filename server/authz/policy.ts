/** The signed-in user as the server sees them, reloaded from the database on every request. */
export type Role = "patient" | "provider" | "admin";

export type Actor = {
  id: string;
  role: Role;
  name: string;
  email: string;
  mustChangePassword: boolean;
};

export const roleHome: Record<Role, string> = {
  patient: "/patient",
  provider: "/provider",
  admin: "/admin",
};

export const roleLabel: Record<Role, string> = {
  patient: "Patient",
  provider: "Provider",
  admin: "Administrator",
};

/**
 * Pure policy of ARCHITECTURE.md#authorization for reading a patient's data. `assigned` says
 * whether the actor (a provider) is on the patient's care team; services scope their queries the
 * same way.
 */
export function canReadPatient(actor: Actor, patientId: string, assigned: boolean): boolean {
  switch (actor.role) {
    case "patient":
      return actor.id === patientId;
    case "provider":
      return assigned;
    case "admin":
      return true; // for support; every read is audited
  }
}

/** Recording procedures, decisions and acknowledging flags: assigned providers only. */
export function canManagePatient(actor: Actor, assigned: boolean): boolean {
  return actor.role === "provider" && assigned;
}
