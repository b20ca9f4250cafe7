import { TablePageLoading } from "@/components/shell/page-loading";

export default function Loading() {
  return <TablePageLoading label="Loading billing…" />;
}
