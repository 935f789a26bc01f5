// A Blob URL for text the page made or received (the template, an error file), revoked when the
// text changes or the page goes, so a download link never holds on to old memory.
import { useEffect, useState } from 'react';

export function useBlobUrl(text: string | null | undefined, type = 'text/csv;charset=utf-8'): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (text == null) {
      setUrl(null);
      return;
    }
    const created = URL.createObjectURL(new Blob([text], { type }));
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [text, type]);
  return url;
}
