import { TemplateIndex, TemplateResource, refTarget } from './template-index';
export { Unknown, isUnknown, untracked } from './unknown';
import { UsageReader } from './usage';
import { PriceDimensionRef } from '../catalog/types';
import { ResourceUsage } from '../model';

/** A monthly quantity in catalog units at low, expected and high usage. */
export interface Quantity {
  readonly low: number;
  readonly expected: number;
  readonly high: number;
}

/** How a line item shows its quantity: `unit`, each worth `per` catalog units. */
export interface DisplayUnit {
  readonly unit: string;
  readonly per: number;
}

/** One dimension a cost model charges. */
export interface Charge {
  readonly description: string;
  readonly price: PriceDimensionRef;
  readonly quantity: Quantity;
  readonly display: DisplayUnit;
}

export const PER_MILLION: DisplayUnit = { unit: '1M requests', per: 1e6 };
export const HOUR: DisplayUnit = { unit: 'hour', per: 1 };
export const GB: DisplayUnit = { unit: 'GB', per: 1 };
export const GB_MONTH: DisplayUnit = { unit: 'GB-month', per: 1 };
export const MONTH = (what: string): DisplayUnit => ({ unit: `${what}-month`, per: 1 });

/** The hours in the month the estimator prices. */
export const HOURS_PER_MONTH = 730;

/**
 * What a cost model sees of one resource, and how it reports: charges, assumptions,
 * dimensions it cannot price, or the reason the resource is free.
 */
export class ModelContext {
  public readonly charges: Charge[] = [];
  public readonly assumptions: string[] = [];
  public readonly unpricedDimensions: string[] = [];
  public freeReason?: string;
  public readonly usage: UsageReader;

  constructor(
    public readonly id: string,
    public readonly resource: TemplateResource,
    public readonly template: TemplateIndex,
    usage: ResourceUsage,
    private readonly lowFactor: number,
    private readonly highFactor: number,
    /** The date prices and support calendars are read at: the catalog's effective date. */
    public readonly asOf: string,
  ) {
    this.usage = new UsageReader(usage, this.assumptions);
  }

  public get props(): { readonly [key: string]: any } {
    return this.resource.Properties ?? {};
  }

  public assume(text: string): void {
    this.assumptions.push(text);
  }

  /** A usage-driven quantity: low and high follow the estimate's usage factors. */
  public scaled(expected: number): Quantity {
    return { low: expected * this.lowFactor, expected, high: expected * this.highFactor };
  }

  /** A quantity fixed by the template (hours of an always-on resource, a count). */
  public fixed(value: number): Quantity {
    return { low: value, expected: value, high: value };
  }

  /** Hours a month the resource runs: `monthlyHours` or 730. */
  public hours(): number {
    return this.usage.get('monthlyHours', HOURS_PER_MONTH, 'runs all month (730 hours)');
  }

  public charge(description: string, price: PriceDimensionRef, quantity: Quantity, display: DisplayUnit): void {
    this.charges.push({ description, price, quantity, display });
  }

  /** A dimension the resource is billed for that the catalog or the model cannot price. */
  public unpriced(dimension: string): void {
    this.unpricedDimensions.push(dimension);
  }

  public free(reason: string): void {
    this.freeReason = reason;
  }

  /** The resource a property points at with Ref or Fn::GetAtt. */
  public referenced(value: unknown): { id: string; resource: TemplateResource } | undefined {
    const id = refTarget(value);
    const resource = id ? this.template.get(id) : undefined;
    return id && resource ? { id, resource } : undefined;
  }
}

/** A cost model: reads one resource through its context and records charges. */
export type CostModel = (ctx: ModelContext) => void;

/** Multiplies a quantity by a factor. */
export function times(q: Quantity, factor: number): Quantity {
  return { low: q.low * factor, expected: q.expected * factor, high: q.high * factor };
}

/** Multiplies two quantities scenario by scenario. */
export function product(a: Quantity, b: Quantity): Quantity {
  return { low: a.low * b.low, expected: a.expected * b.expected, high: a.high * b.high };
}
