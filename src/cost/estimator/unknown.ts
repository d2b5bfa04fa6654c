/**
 * A template value the estimator cannot know before deploy: a parameter with no value, the
 * account ID, another stack's export, a condition on either. Models read it like any value;
 * reading one is recorded (see `trackUnknownReads`) and makes the resource unpriced with `what`.
 */
export class Unknown {
  constructor(
    /** What the value is, as the end of a sentence: "the parameter 'X' with no default: pass parameters". */
    public readonly what: string,
    /** A short label for descriptions: "parameter X". */
    public readonly label: string,
    /** The template expression it came from (kept so references inside it are still found). */
    public readonly source: unknown,
  ) {}

  public toString(): string {
    return `(${this.label})`;
  }

  public toJSON(): string {
    return this.toString();
  }
}

export function isUnknown(value: unknown): value is Unknown {
  return value instanceof Unknown;
}

/** One read of an Unknown by a cost model: where it was read and what it is. */
export interface UnknownRead {
  readonly path: string;
  readonly unknown: Unknown;
}

let reader: ((read: UnknownRead) => void) | undefined;

/** Runs `fn`, reporting every Unknown read through a tracked container to `onRead`. */
export function trackUnknownReads<T>(onRead: (read: UnknownRead) => void, fn: () => T): T {
  const previous = reader;
  reader = onRead;
  try {
    return fn();
  } finally {
    reader = previous;
  }
}

/**
 * The reads of one container that holds Unknowns: a proxy handler whose only trap is `get`, so
 * keys, descriptors and every other property read through to the container. Cheaper than an
 * accessor per key, which costs a property redefinition per Unknown and leaves the container
 * slow to read. Paths are built when a read happens (rarely), not when the container is tracked.
 */
export class ContainerReads implements ProxyHandler<object> {
  /** Unknowns under keys other than the first (most containers hold one). */
  private others?: Map<string, Unknown>;

  constructor(
    /** The container's path: "R1.Tags[0]". */
    private readonly path: string,
    /** Whether the container is an array (paths "x[0]") or an object ("x.key"). */
    private readonly array: boolean,
    private readonly key: string,
    private readonly unknown: Unknown,
  ) {}

  /** Records one more Unknown of the container, under `key`. */
  public add(key: string, unknown: Unknown): void {
    (this.others ??= new Map()).set(key, unknown);
  }

  /** The container with its reads recorded. */
  public track<T extends object>(container: T): T {
    return new Proxy<T>(container, this as ProxyHandler<T>);
  }

  public get(target: object, key: string | symbol, receiver: unknown): unknown {
    if (typeof key === 'string' && reader) {
      const unknown = key === this.key ? this.unknown : this.others?.get(key);
      if (unknown) reader({ path: this.array ? `${this.path}[${key}]` : `${this.path}.${key}`, unknown });
    }
    return Reflect.get(target, key, receiver);
  }
}

/** Starts sending reads to `onRead` without a closure per call; returns the reader to restore. */
export function startReading(onRead: (read: UnknownRead) => void): ((read: UnknownRead) => void) | undefined {
  const previous = reader;
  reader = onRead;
  return previous;
}

/** Restores the reader `startReading` returned. */
export function stopReading(previous: ((read: UnknownRead) => void) | undefined): void {
  reader = previous;
}

/** Reads without recording: for optional refinements that must not make a resource unpriced. */
export function untracked<T>(fn: () => T): T {
  return trackUnknownReads(() => undefined, fn);
}
