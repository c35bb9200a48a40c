import { lazy, Suspense } from "react";
import type { TFunnelBar, TLeniencyBar } from "./AnalyticsCharts";

// The charts' module (recharts) is its own chunk: the page's first load is its tables and figures,
// and the chart fills a box of the same height once the chunk arrives, so nothing below moves.
const FunnelChart = lazy(() =>
  import("./AnalyticsCharts").then((m) => ({ default: m.FunnelChart })),
);
const LeniencyChart = lazy(() =>
  import("./AnalyticsCharts").then((m) => ({ default: m.LeniencyChart })),
);

function Placeholder({ height }: { height: number }) {
  return <div className="chart-placeholder" style={{ height }} />;
}

export function LazyFunnelChart({ data, height }: { data: TFunnelBar[]; height: number }) {
  return (
    <Suspense fallback={<Placeholder height={height} />}>
      <FunnelChart data={data} height={height} />
    </Suspense>
  );
}

export function LazyLeniencyChart({ data, height }: { data: TLeniencyBar[]; height: number }) {
  return (
    <Suspense fallback={<Placeholder height={height} />}>
      <LeniencyChart data={data} height={height} />
    </Suspense>
  );
}
