/** One of the two clocks under a customer's screen: a label, a big time and a short note. */
export function ClockReadout({
  label,
  value,
  note,
  tone,
}: {
  label: string;
  value: string;
  note: string;
  tone: 'good' | 'bad' | 'neutral';
}) {
  return (
    <div className={`clock clock-${tone}`}>
      <span className="clock-label">{label}</span>
      <span className={`clock-value${/\d/.test(value) ? '' : ' clock-word'}`}>{value}</span>
      {note && <span className="clock-note">{note}</span>}
    </div>
  );
}
