export * from './static-site';
export * from './web-application-firewall';
export * from './cloudfront-certificate-stack';
