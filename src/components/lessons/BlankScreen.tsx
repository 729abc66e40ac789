/** The blank screen a presenter calls up with B, as slide software has it: black over the whole
 * simulator until any key or a click brings it back. The status beside it is always in the page,
 * so a screen reader hears both the blanking and the return. */
export function BlankScreen({ on, onBack }: { on: boolean; onBack: () => void }) {
  return (
    <>
      <p className="visually-hidden blank-screen-status" role="status">
        {on ? 'Screen blanked. Press any key or click to bring the simulator back.' : ''}
      </p>
      {on && (
        // A click anywhere brings the screen back; the keyboard does it through usePresenterKeys.
        <div className="blank-screen" data-testid="blank-screen" onClick={onBack}>
          <p className="blank-screen-hint" aria-hidden="true">
            Press any key to come back
          </p>
        </div>
      )}
    </>
  );
}
