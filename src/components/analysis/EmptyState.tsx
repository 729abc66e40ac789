/** The sentence a panel shows instead of a chart while it has nothing to show. */
export function EmptyState({ children }: { children: string }) {
  return <p className="an-empty">{children}</p>;
}
