import { useEffect, useRef } from 'react';
import { useSession } from '../session.tsx';
import { STORE_LISTINGS } from './locationOps.ts';
import type { Listing } from './types.ts';

const REFRESH_MS = 3_000;

/**
 * While a platform is still taking the store (a listing PENDING), re-reads the listings every few
 * seconds and hands them over, so a save or a fresh connection ends in the platform's answer
 * without a reload. Only the listings are read: the form and its unsaved edits are left alone.
 */
export function useListingRefresh(location: { id: string; listings: readonly Listing[] }, onFresh: (fresh: { version: number; listings: Listing[] }) => void): void {
  const { api } = useSession();
  const inFlight = location.listings.some((l) => l.status === 'PENDING');
  const deliver = useRef(onFresh);
  deliver.current = onFresh;

  useEffect(() => {
    if (!inFlight) return;
    const controller = new AbortController();
    let reading = false;
    const timer = setInterval(() => {
      if (reading || document.hidden) return;
      reading = true;
      api(STORE_LISTINGS, { id: location.id }, controller.signal)
        .then(({ location: fresh }) => {
          if (fresh && !controller.signal.aborted) deliver.current(fresh);
        })
        // A failed read changes nothing on the page; the next tick tries again.
        .catch(() => undefined)
        .finally(() => {
          reading = false;
        });
    }, REFRESH_MS);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [api, location.id, inFlight]);
}
