/** M2, C7: what a phone shows once its person is no longer counted as present. */
export function NotPresentNotice() {
  return (
    <main>
      <p className="card" role="alert">
        You are no longer counted as present in this meeting (you left or were marked absent). Ask the
        facilitator if you should be back in.
      </p>
    </main>
  );
}
