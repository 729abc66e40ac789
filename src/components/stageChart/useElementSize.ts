/** The content size of an element in CSS pixels, kept up to date as it resizes: for a drawing
 * that fills the box its layout gives it. */
import { useEffect, useRef, useState } from 'react';

export interface Size {
  width: number;
  height: number;
}

/** `fallback` stands where nothing measures (no ResizeObserver, as in jsdom). */
export function useElementSize<T extends HTMLElement>(fallback: Size) {
  const ref = useRef<T>(null);
  const [size, setSize] = useState<Size>(() =>
    typeof ResizeObserver === 'undefined' ? fallback : { width: 0, height: 0 },
  );
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const width = Math.floor(entry?.contentRect.width ?? 0);
      const height = Math.floor(entry?.contentRect.height ?? 0);
      setSize((s) => (s.width === width && s.height === height ? s : { width, height }));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, size] as const;
}
