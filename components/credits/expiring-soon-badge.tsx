// The "Expiring soon" mark on a credit with unused value that expires within 7 days (SPEC 6.1).
import { StatusBadge } from "@/components/ui/status-badge";

export function ExpiringSoonBadge() {
  return <StatusBadge tone="warn">Expiring soon</StatusBadge>;
}
