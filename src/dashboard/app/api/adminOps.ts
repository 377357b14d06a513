import { op, USER_ERROR_FIELDS, type UserError } from './client.ts';
import type { ReplyTemplate, ReviewSettings, ReviewStats, Role, StatsInterval } from './types.ts';

export const REVIEW_STATS = op<
  { node: { reviewStats: ReviewStats } | null },
  { org: string; interval: StatsInterval; timeZone: string; filter: { from: string; locationIds?: string[]; platforms?: string[] } }
>(`query ReviewStats($org: ID!, $filter: ReviewStatsFilter, $interval: StatsInterval!, $timeZone: String!) {
  node(id: $org) {
    ... on Organization {
      reviewStats(filter: $filter, interval: $interval, timeZone: $timeZone) {
        count averageRating unansweredCount medianResponseSeconds
        byPlatform { platform count averageRating }
        byLocation { location { id name } count averageRating unansweredCount }
        series { periodStart count averageRating byPlatform { platform count } }
      }
    }
  }
}`);

export const REVIEW_SETTINGS = op<
  { node: { replyTemplates: ReplyTemplate[]; reviewSettings: ReviewSettings } | null },
  { org: string }
>(`query ReviewSettings($org: ID!) {
  node(id: $org) {
    ... on Organization {
      replyTemplates { id name language body ratings }
      reviewSettings { approvalMaxRating approvalRoles }
    }
  }
}`);

// The payloads' value fields are not selected: after a change the page reads the list again,
// so only `errors`, which every payload has, is relied on.
type ErrorsOnly<K extends string> = { [P in K]: { errors: UserError[] } };

interface TemplateFields {
  name: string;
  language: string;
  body: string;
  ratings: number[];
}

export const CREATE_REPLY_TEMPLATE = op<ErrorsOnly<'createReplyTemplate'>, TemplateFields & { org: string }>(
  `mutation CreateReplyTemplate($org: ID!, $name: String!, $language: String!, $body: String!, $ratings: [Int!]) {
  createReplyTemplate(input: { organizationId: $org, name: $name, language: $language, body: $body, ratings: $ratings }) { ${USER_ERROR_FIELDS} }
}`,
);

export const UPDATE_REPLY_TEMPLATE = op<ErrorsOnly<'updateReplyTemplate'>, TemplateFields & { id: string }>(
  `mutation UpdateReplyTemplate($id: ID!, $name: String!, $language: String!, $body: String!, $ratings: [Int!]) {
  updateReplyTemplate(input: { id: $id, patch: { name: $name, language: $language, body: $body, ratings: $ratings } }) { ${USER_ERROR_FIELDS} }
}`,
);

export const DELETE_REPLY_TEMPLATE = op<ErrorsOnly<'deleteReplyTemplate'>, { id: string }>(`mutation DeleteReplyTemplate($id: ID!) {
  deleteReplyTemplate(input: { id: $id }) { ${USER_ERROR_FIELDS} }
}`);

export const UPDATE_REVIEW_SETTINGS = op<ErrorsOnly<'updateReviewSettings'>, { org: string; approvalMaxRating: number | null; approvalRoles: Role[] }>(
  `mutation UpdateReviewSettings($org: ID!, $approvalMaxRating: Int, $approvalRoles: [Role!]!) {
  updateReviewSettings(input: { organizationId: $org, approvalMaxRating: $approvalMaxRating, approvalRoles: $approvalRoles }) { ${USER_ERROR_FIELDS} }
}`,
);
