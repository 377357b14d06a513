import { useEffect, useRef } from 'react';
import { useSession } from '../session.tsx';
import { STORE_LISTINGS } from './locationOps.ts';
import type { Listing } from './types.ts';

const FIRST_READ_MS = 3_000;
const LONGEST_WAIT_MS = 10_000;

/**
 * While a platform is still taking the store (a listing PENDING), re-reads the listings and hands
 * them over, so a save or a fresh connection ends in the platform's answer without a reload. The
 * first read comes after 3 s, and each later one waits half as long again, up to 10 s: a feed
 * listing can stay PENDING for the feed's whole window. Only the listings are read: the form and
 * its unsaved edits are left alone. A hidden tab reads nothing. A save starts over from 3 s.
 */
export function useListingRefresh(location: { id: string; version: number; listings: readonly Listing[] }, onFresh: (fresh: { version: number; listings: Listing[] }) => void): void {
  const { api } = useSession();
  const inFlight = location.listings.some((l) => l.status === 'PENDING');
  const deliver = useRef(onFresh);
  deliver.current = onFresh;

  useEffect(() => {
    if (!inFlight) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout>;
    const readAfter = (wait: number) => {
      timer = setTimeout(() => {
        const next = () => readAfter(Math.min(wait * 1.5, LONGEST_WAIT_MS));
        if (document.hidden) return next();
        api(STORE_LISTINGS, { id: location.id }, controller.signal)
          .then(({ location: fresh }) => {
            if (fresh && !controller.signal.aborted) deliver.current(fresh);
          })
          // A failed read changes nothing on the page; the next one tries again.
          .catch(() => undefined)
          .finally(() => {
            if (!controller.signal.aborted) next();
          });
      }, wait);
    };
    readAfter(FIRST_READ_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, location.id, location.version, inFlight]);
}
