/**
 * Tripadvisor's projection: the runtime's standard projection under this manifest's rules, with
 * one Tripadvisor fact on top: a location has exactly one category (hotel, restaurant or
 * attraction), so additional categories have no place there and are not sent.
 */
import type { ProjectContext, ProjectResult } from '../runtime/connector.ts';
import { projectStandard } from '../runtime/standard/project.ts';
import type { LocationData } from '../../src/locations/model.ts';
import { tripadvisorManifest } from './manifest.ts';

export function project(loc: LocationData, _context: ProjectContext): ProjectResult {
  const result = projectStandard(tripadvisorManifest, loc);
  if (!result.ok || loc.additionalCategories.length === 0) return result;
  const categories = result.projection.categories as { primary: string } | undefined;
  return {
    ok: true,
    projection: { ...result.projection, ...(categories ? { categories: { primary: categories.primary, additional: [] } } : {}) },
    notSupported: [...new Set([...result.notSupported, 'additionalCategories' as const])],
  };
}
