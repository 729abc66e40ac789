/** The page's layout. */
export function App() {
  return (
    <main>
      <h1>Sync vs Async</h1>
      <p>A checkout, run synchronously and asynchronously.</p>
    </main>
  );
}
