// A labelled bar of actual against target; over 100 % shows full and marked.
export function ProgressBar({ actual, target, label }: { actual: number; target: number | null; label: string }) {
  const ratio = target ? actual / target : 0;
  return (
    <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={target ?? 0} aria-valuenow={actual}>
      <div className={`progress-fill${ratio >= 1 ? " progress-done" : ""}`} style={{ width: `${Math.min(100, Math.round(ratio * 100))}%` }} />
    </div>
  );
}
