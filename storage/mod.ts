/**
 * The storage port: `openStore(url)` opens the backend the URL names
 * (storage/open.ts) and returns the same repositories over either.
 */
import { type AgentLogRepo, agentLogs } from "./agent_logs.ts";
import { billing, type BillingRepo } from "./billing.ts";
import { type ConversionRepo, conversions } from "./conversions.ts";
import type { Db, TransactionOptions } from "./db.ts";
import { community, type CommunityRepo } from "./community.ts";
import { type DraftRepo, drafts } from "./drafts.ts";
import { engagementStats, type EngagementStatsRepo } from "./engagement_stats.ts";
import { type ImageRepo, images } from "./images.ts";
import { type ExperimentRepo, experiments } from "./experiments.ts";
import { type InsightRepo, insights } from "./insights.ts";
import { installation, type InstallationRepo } from "./installation.ts";
import { intake, type IntakeRepo } from "./intake.ts";
import { type InteractionRepo, interactions } from "./interactions.ts";
import { marketData, type MarketDataRepo } from "./market_data.ts";
import { type JobRunRepo, jobRuns } from "./job_runs.ts";
import { type MembershipRepo, memberships } from "./memberships.ts";
import { learning, type LearningRepo } from "./learning.ts";
import { moderation, type ModerationRepo } from "./moderation.ts";
import { news, type NewsRepo } from "./news.ts";
import { type PlanRepo, plans } from "./plans.ts";
import { postMetrics, type PostMetricsRepo } from "./post_metrics.ts";
import { premium, type PremiumRepo } from "./premium.ts";
import { revenue, type RevenueRepo } from "./revenue.ts";
import { type PostOutcomeRepo, postOutcomes } from "./post_outcomes.ts";
import { type PostRepo, posts } from "./posts.ts";
import { postReview, type PostReviewRepo } from "./post_review.ts";
import { replies, type ReplyRepo } from "./replies.ts";
import { sentiment, type SentimentRepo } from "./sentiment.ts";
import { type VariantRepo, variants } from "./variants.ts";
import {
  compact,
  prune,
  type PruneOptions,
  type PruneStep,
  type RetentionPolicy,
} from "./retention.ts";
import { TABLES, type TableSize, tableSizes } from "./sizes.ts";
import { type SnapshotRepo, snapshots } from "./snapshots.ts";
import { openDb, type OpenOptions } from "./open.ts";
import { xSpend, type XSpendRepo } from "./x_spend.ts";

export { StorageError } from "./db.ts";
export type { Db } from "./db.ts";
export { TABLES, type TableSize } from "./sizes.ts";
export type { OpenOptions } from "./open.ts";
export type { PruneStep, RetentionPolicy } from "./retention.ts";

export async function openStore(url: string, options: OpenOptions = {}): Promise<Store> {
  return createStore(await openDb(url, options));
}

export function createStore(db: Db): Store {
  return {
    db,
    marketData: marketData(db),
    news: news(db),
    sentiment: sentiment(db),
    insights: insights(db),
    plans: plans(db),
    drafts: drafts(db),
    posts: posts(db),
    images: images(db),
    variants: variants(db),
    postReview: postReview(db),
    logs: agentLogs(db),
    jobRuns: jobRuns(db),
    moderation: moderation(db),
    installation: installation(db),
    community: community(db),
    interactions: interactions(db),
    replies: replies(db),
    postMetrics: postMetrics(db),
    intake: intake(db),
    xSpend: xSpend(db),
    engagementStats: engagementStats(db),
    billing: billing(db),
    memberships: memberships(db),
    conversions: conversions(db),
    premium: premium(db),
    revenue: revenue(db),
    experiments: experiments(db),
    learning: learning(db),
    outcomes: postOutcomes(db),
    snapshots: snapshots(db),
    async counts(): Promise<Record<string, number>> {
      const out: Record<string, number> = {};
      for (const table of TABLES) {
        const rows = await db.all<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`);
        out[table] = Number(rows[0].n);
      }
      return out;
    },
    /** Row counts at a cost independent of history: estimates past a few thousand rows. */
    sizes: () => tableSizes(db, TABLES),
    /** Deletes rows past the policy's ages, in small batches (storage/retention.ts). */
    prune: (policy: RetentionPolicy, now: number, options?: PruneOptions) =>
      prune(db, policy, now, options),
    compact: () => compact(db),
    /** Runs `fn` with repositories bound to one transaction: all its writes or none. */
    transaction: <T>(fn: (tx: Store) => Promise<T>, options?: TransactionOptions) =>
      db.transaction((tx) => fn(createStore(tx)), options),
    close: () => db.close(),
  };
}

export interface Store {
  db: Db;
  marketData: MarketDataRepo;
  news: NewsRepo;
  sentiment: SentimentRepo;
  insights: InsightRepo;
  plans: PlanRepo;
  drafts: DraftRepo;
  posts: PostRepo;
  images: ImageRepo;
  variants: VariantRepo;
  postReview: PostReviewRepo;
  logs: AgentLogRepo;
  jobRuns: JobRunRepo;
  moderation: ModerationRepo;
  /** This database's random install id, for keys that must differ between databases. */
  installation: InstallationRepo;
  community: CommunityRepo;
  interactions: InteractionRepo;
  /** Replies to those messages, each reserved once before it is sent. */
  replies: ReplyRepo;
  postMetrics: PostMetricsRepo;
  /** Intake cursors and the Telegram updates and reaction counts taken in. */
  intake: IntakeRepo;
  /** What X calls cost, per UTC day. */
  xSpend: XSpendRepo;
  engagementStats: EngagementStatsRepo;
  /** Stripe's events and the subscriptions they describe. */
  billing: BillingRepo;
  /** Paid access on Telegram and Discord. */
  memberships: MembershipRepo;
  /** The offer funnel, and the engagement offers are aimed by. */
  conversions: ConversionRepo;
  /** Members-only posts; the public Publishing agent never reads them. */
  premium: PremiumRepo;
  /** MRR, new, cancelled and churned members. */
  revenue: RevenueRepo;
  experiments: ExperimentRepo;
  learning: LearningRepo;
  outcomes: PostOutcomeRepo;
  snapshots: SnapshotRepo;
  counts(): Promise<Record<string, number>>;
  sizes(): Promise<TableSize[]>;
  prune(policy: RetentionPolicy, now: number, options?: PruneOptions): Promise<PruneStep[]>;
  compact(): Promise<void>;
  transaction<T>(fn: (tx: Store) => Promise<T>, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
}
