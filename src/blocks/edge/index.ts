export * from './static-site';
export * from './web-application-firewall';
