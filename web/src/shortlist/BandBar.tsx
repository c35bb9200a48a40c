import type { TComposite } from "./queries";

const LOW = 1;
const HIGH = 4;
const x = (value: number, width: number) =>
  ((Math.min(HIGH, Math.max(LOW, value)) - LOW) / (HIGH - LOW)) * width;

/**
 * The composite on the 1–4 scale: the 80% band as a bar, the estimate as a dot and the role's bar
 * as a line. Decoration: the numbers beside it say the same to everyone.
 */
export function BandBar({
  composite,
  bar,
  width = 120,
}: {
  composite: TComposite | null;
  bar: number;
  width?: number;
}) {
  const height = 16;
  return (
    <svg
      className="band-bar"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      aria-hidden="true"
      focusable="false"
    >
      <rect x={0} y={7} width={width} height={2} className="band-track" />
      {composite && (
        <>
          <rect
            x={x(composite.low80, width)}
            y={3}
            width={Math.max(2, x(composite.high80, width) - x(composite.low80, width))}
            height={10}
            rx={3}
            className="band-range"
          />
          <circle cx={x(composite.estimate, width)} cy={8} r={4} className="band-point" />
        </>
      )}
      <line x1={x(bar, width)} x2={x(bar, width)} y1={0} y2={height} className="band-bar-line" />
    </svg>
  );
}
