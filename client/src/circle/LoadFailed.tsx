/** A page that could not load: why, in words, and one way on (the network may be back). */
export function LoadFailed({
  heading,
  message,
  onRetry,
}: {
  heading: string;
  message: string;
  onRetry: () => void;
}) {
  return (
    <main className="page narrow">
      <h1>{heading}</h1>
      <p className="status status-error" role="alert">
        {message}
      </p>
      <button type="button" className="primary" onClick={onRetry}>
        Try again
      </button>
    </main>
  );
}
