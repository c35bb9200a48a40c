import {
  Bar,
  BarChart,
  CartesianGrid,
  ErrorBar,
  ReferenceLine,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from "recharts";

// recharts is about 110 kB gzipped, so the analytics page loads this module after its tables
// and figures are on screen (see LazyChart in ./LazyChart.tsx).

export type TFunnelBar = { name: string; reached: number };

export function FunnelChart({ data, height }: { data: TFunnelBar[]; height: number }) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart
        data={data}
        margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="name" tick={{ fontSize: 12 }} interval={0} height={48} />
        <YAxis allowDecimals={false} width={40} />
        <Bar dataKey="reached" name="Reached" fill="#3b3fb6" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

export type TLeniencyBar = { name: string; mean: number; error: number[] };

export function LeniencyChart({ data, height }: { data: TLeniencyBar[]; height: number }) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart
        data={data}
        layout="vertical"
        margin={{ left: 8, right: 16 }}
        accessibilityLayer={false}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" domain={[-1.5, 1.5]} tickCount={7} />
        <YAxis type="category" dataKey="name" width={120} tick={{ fontSize: 12 }} />
        <ReferenceLine x={0} stroke="#1b1e2b" />
        <Bar dataKey="mean" fill="#a3480b" isAnimationActive={false}>
          <ErrorBar dataKey="error" width={6} stroke="#1b1e2b" direction="x" />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
