import { op, USER_ERROR_FIELDS, type UserError } from './client.ts';
import type { PageInfo, Review, ReviewEventKind, ReviewFilter } from './types.ts';

const REVIEW_FIELDS = `fragment ReviewFields on Review {
  id platform createdAt deletedAt text language url canReply viewerCanApprove canReport suspectedFake
  location { id name }
  author { name anonymous photoUrl }
  rating { kind stars recommends }
  media { kind url }
  reply { text state failureReason approvalReason { ja en } rejectionReason updatedAt publishedAt author { name } approvedBy { name } }
  fraud { verdict score reasons { ruleId weight message { ja en } } }
  report { state reason reportedAt reportUrl }
  replyLimits { maxBytes maxChars emoji perDay }
  suggestedReplies { text template { id name } }
}`;

export const REVIEWS = op<
  { node: { reviews: { totalCount: number; pageInfo: PageInfo; edges: { node: Review }[] } } | null },
  { org: string; first: number; after: string | null; filter: ReviewFilter }
>(`query Reviews($org: ID!, $first: Int!, $after: String, $filter: ReviewFilter) {
  node(id: $org) {
    ... on Organization {
      reviews(first: $first, after: $after, filter: $filter) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { ...ReviewFields } }
      }
    }
  }
}
${REVIEW_FIELDS}`);

export const INBOX_STORES = op<
  { node: { locations: { edges: { node: { id: string; name: string; storeCode: string } }[] } } | null },
  { org: string; first: number }
>(`query InboxStores($org: ID!, $first: Int!) {
  node(id: $org) { ... on Organization { locations(first: $first) { edges { node { id name storeCode } } } } }
}`);

export const REVIEW_EVENTS = op<{ reviewEvents: { kind: ReviewEventKind; review: Review } }, { org: string }>(`subscription ReviewEvents($org: ID!) {
  reviewEvents(organizationId: $org) { kind review { ...ReviewFields } }
}
${REVIEW_FIELDS}`);

export interface ReviewPayload {
  review: Review | null;
  errors: UserError[];
}

const PAYLOAD = `{ review { ...ReviewFields } ${USER_ERROR_FIELDS} }`;

// Inputs are spelled out field by field: the contract names the fields, not the input types.
export const REPLY_TO_REVIEW = op<{ replyToReview: ReviewPayload }, { reviewId: string; text: string; draft: boolean }>(
  `mutation ReplyToReview($reviewId: ID!, $text: String!, $draft: Boolean) {
  replyToReview(input: { reviewId: $reviewId, text: $text, draft: $draft }) ${PAYLOAD}
}
${REVIEW_FIELDS}`,
);

export const EDIT_REVIEW_REPLY = op<{ editReviewReply: ReviewPayload }, { reviewId: string; text: string; draft: boolean }>(
  `mutation EditReviewReply($reviewId: ID!, $text: String!, $draft: Boolean) {
  editReviewReply(input: { reviewId: $reviewId, text: $text, draft: $draft }) ${PAYLOAD}
}
${REVIEW_FIELDS}`,
);

export const DELETE_REVIEW_REPLY = op<{ deleteReviewReply: ReviewPayload }, { reviewId: string }>(
  `mutation DeleteReviewReply($reviewId: ID!) {
  deleteReviewReply(input: { reviewId: $reviewId }) ${PAYLOAD}
}
${REVIEW_FIELDS}`,
);

export const APPROVE_REVIEW_REPLY = op<{ approveReviewReply: ReviewPayload }, { reviewId: string }>(
  `mutation ApproveReviewReply($reviewId: ID!) {
  approveReviewReply(input: { reviewId: $reviewId }) ${PAYLOAD}
}
${REVIEW_FIELDS}`,
);

export const REJECT_REVIEW_REPLY = op<{ rejectReviewReply: ReviewPayload }, { reviewId: string; reason: string }>(
  `mutation RejectReviewReply($reviewId: ID!, $reason: String!) {
  rejectReviewReply(input: { reviewId: $reviewId, reason: $reason }) ${PAYLOAD}
}
${REVIEW_FIELDS}`,
);

export const REPORT_REVIEW = op<{ reportReview: ReviewPayload }, { reviewId: string; reason: string }>(
  `mutation ReportReview($reviewId: ID!, $reason: String!) {
  reportReview(input: { reviewId: $reviewId, reason: $reason }) ${PAYLOAD}
}
${REVIEW_FIELDS}`,
);

export const CONFIRM_REVIEW_REPORTED = op<{ confirmReviewReported: ReviewPayload }, { reviewId: string }>(
  `mutation ConfirmReviewReported($reviewId: ID!) {
  confirmReviewReported(input: { reviewId: $reviewId }) ${PAYLOAD}
}
${REVIEW_FIELDS}`,
);

export const PULL_REVIEWS = op<{ pullReviews: boolean }, { org: string }>(`mutation PullReviews($org: ID!) {
  pullReviews(input: { organizationId: $org })
}`);

/** One review read again, after the server said its state moved on under us. */
export const REVIEW = op<{ node: Review | null }, { id: string }>(`query Review($id: ID!) {
  node(id: $id) { ... on Review { ...ReviewFields } }
}
${REVIEW_FIELDS}`);
