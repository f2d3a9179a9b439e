/**
 * The payments port: selling the membership and hearing back about it, in the
 * product's words. Stripe is the only adapter (stripe.ts); nothing outside it
 * sees a Stripe object, and nothing here carries card data.
 */
import type { Member } from "../../core/vocabulary.ts";

/** What the membership costs: an existing price id, or a price described inline. */
export type Offer =
  | { priceId: string }
  | { product: string; amountCents: number; currency: string; interval: string };

export interface CheckoutRequest {
  member: Member;
  offer: Offer;
  successUrl: string;
  cancelUrl: string;
}

export interface Checkout {
  sessionId: string;
  /** The hosted payment page to send the person to. */
  url: string;
}

/** A subscription as Stripe last described it; times in epoch ms. */
export interface SubscriptionState {
  subscriptionId: string;
  customerId: string;
  /** Stripe's status: active, trialing, past_due, unpaid, canceled, incomplete... */
  status: string;
  priceId: string | null;
  /** What one interval costs, in integer cents, with its currency. */
  amountCents: number;
  currency: string;
  interval: string;
  intervalCount: number;
  currentPeriodEnd: number | null;
  startedAt: number;
  canceledAt: number | null;
  /** Who it is for, when it came through one of our offers. */
  member: Member | null;
}

/** A completed Checkout: links a subscription to the person who paid. */
export interface CheckoutCompleted {
  sessionId: string;
  subscriptionId: string | null;
  customerId: string | null;
  member: Member | null;
}

/** A verified webhook event, reduced to what we use. */
export interface PaymentEvent {
  id: string;
  type: string;
  /** Stripe's `created`, epoch ms: the order events happened in. */
  createdAt: number;
  subscription?: SubscriptionState;
  checkout?: CheckoutCompleted;
}

/** The signature was missing, forged, or too old: answer 400 and do nothing. */
export class WebhookSignatureError extends Error {
  override name = "WebhookSignatureError";
}

export interface Payments {
  createCheckout(request: CheckoutRequest): Promise<Checkout>;
  /** Checks a webhook delivery's signature and age; throws WebhookSignatureError. */
  verifyEvent(body: string, signature: string | null): Promise<PaymentEvent>;
  /** Every subscription Stripe holds, newest first: the truth `members sync` reconciles to. */
  subscriptions(): AsyncIterable<SubscriptionState>;
  /** One subscription as Stripe holds it now; null when Stripe has no such subscription. */
  subscription(id: string): Promise<SubscriptionState | null>;
}

/** Subscription events the product acts on; anything else is stored and ignored. */
export const SUBSCRIPTION_EVENTS = [
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
  "customer.subscription.paused",
  "customer.subscription.resumed",
] as const;
