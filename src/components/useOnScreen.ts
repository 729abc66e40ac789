/** Whether an element is on screen (or near it), for work that only matters while it is seen. */
import { useEffect, useRef, useState } from 'react';

export function useOnScreen<T extends HTMLElement>(margin = '0px') {
  const ref = useRef<T>(null);
  const [onScreen, setOnScreen] = useState(true);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      ([entry]) => setOnScreen(entry?.isIntersecting ?? true),
      { rootMargin: margin },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [margin]);
  return [ref, onScreen] as const;
}
