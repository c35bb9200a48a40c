import { useEffect, useRef } from "react";
import type { ReactNode } from "react";
import { useLocation } from "react-router";

/**
 * A fold in the top bar: a native <details> (keyboard and screen readers know it) that also
 * closes on navigation, on Escape (focus back on its summary) and on a click elsewhere.
 */
export function NavMenu({
  label,
  accessibleLabel,
  children,
}: {
  label: ReactNode;
  accessibleLabel?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  const location = useLocation();
  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [location.pathname]);
  useEffect(() => {
    function onPointerDown(event: PointerEvent) {
      const details = ref.current;
      if (details?.open && !details.contains(event.target as Node)) details.open = false;
    }
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, []);

  return (
    <details
      className="settings-menu"
      ref={ref}
      onKeyDown={(event) => {
        if (event.key !== "Escape" || !ref.current?.open) return;
        ref.current.open = false;
        ref.current.querySelector("summary")?.focus();
      }}
    >
      <summary aria-label={accessibleLabel}>{label}</summary>
      <div className="settings-menu-list">{children}</div>
    </details>
  );
}
