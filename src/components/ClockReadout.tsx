/** One of the two clocks under a customer's screen: a label, a big time and a short note (on the
 * stage only a bad clock's note shows, or one marked `told`, which the customer needs to read). */
export function ClockReadout({
  label,
  value,
  note,
  tone,
  told = false,
}: {
  label: string;
  value: string;
  note: string;
  tone: 'good' | 'bad' | 'neutral';
  told?: boolean;
}) {
  return (
    <div className={`clock clock-${tone}${told ? ' clock-told' : ''}`}>
      <span className="clock-label">{label}</span>
      <span className={`clock-value${/\d/.test(value) ? '' : ' clock-word'}`}>{value}</span>
      {note && <span className="clock-note">{note}</span>}
    </div>
  );
}
