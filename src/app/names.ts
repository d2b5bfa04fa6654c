/** 'order-api' → 'OrderApi': for CloudFormation output keys, which allow letters and digits only. */
export function pascal(name: string): string {
  return name.split('-').filter(Boolean).map((p) => p[0].toUpperCase() + p.slice(1)).join('');
}

/** 'order-api' → 'ORDER_API': for environment variable prefixes. */
export function envPrefix(name: string): string {
  return name.toUpperCase().replace(/-/g, '_');
}
