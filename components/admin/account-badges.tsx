import { Badge } from "@/components/ui/badge";
import { type Role, roleLabel } from "@/server/authz/policy";

export function RoleBadge({ role }: { role: Role }) {
  return (
    <Badge tone={role === "admin" ? "info" : role === "provider" ? "brand" : "neutral"}>
      {roleLabel[role]}
    </Badge>
  );
}

/** Active, deactivated, or waiting for the first sign-in (temporary password not yet changed). */
export function StatusBadge({
  active,
  mustChangePassword,
}: {
  active: boolean;
  mustChangePassword: boolean;
}) {
  if (!active) return <Badge tone="danger">Deactivated</Badge>;
  if (mustChangePassword) return <Badge tone="warning">Temporary password</Badge>;
  return <Badge tone="success">Active</Badge>;
}
