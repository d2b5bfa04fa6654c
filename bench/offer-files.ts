// Offer-file refresh throughput: a synthetic AmazonEC2 offer file in the real CSV and JSON
// shapes (mostly products the catalog does not price, as in the real multi-GB file), read with
// refreshCatalogFromOfferFiles. The real us-east-1 EC2 files are some GB: MB/s says how long
// `pricing refresh --from-offer-files` takes on them.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { refreshCatalogFromOfferFiles } from '../src/cost/catalog/offer-files';

const ROWS = Number(process.env.BENCH_OFFER_ROWS ?? 200_000);
const HEADER = '"SKU","OfferTermCode","RateCode","TermType","PriceDescription","EffectiveDate","StartingRange","EndingRange","Unit","PricePerUnit","Currency","RelatedTo","LeaseContractLength","PurchaseOption","OfferingClass","Product Family","serviceCode","Location","Location Type","Instance Type","Tenancy","Operating System","License Model","usageType","operation","CapacityStatus","Pre Installed S/W","Region Code"';
const OS = ['Linux', 'RHEL', 'Windows', 'SUSE'];
const TYPES = ['m5.large', 'm5.xlarge', 'c6i.large', 'r6g.large', 't3.micro', 'x2idn.16xlarge', 'i4i.large'];

function sku(i: number): string {
  return i.toString(36).toUpperCase().padStart(16, 'Q');
}

function writeCsv(file: string): void {
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, '"FormatVersion","v1.0"\n"Disclaimer","This pricing list is for informational purposes only."\n"Publication Date","2026-09-24T21:10:11Z"\n"Version","20260924211011"\n"OfferCode","AmazonEC2"\n' + HEADER + '\n');
  let buf = '';
  for (let i = 0; i < ROWS; i++) {
    const type = TYPES[i % TYPES.length];
    const os2 = OS[Math.floor(i / 8) % OS.length];
    const term = i % 3 === 0 ? 'OnDemand' : 'Reserved';
    buf += `"${sku(i)}","JRTCKXETXF","${sku(i)}.JRTCKXETXF.6YS6EN2CT7","${term}","$0.096 per On Demand ${os2} ${type} Instance Hour","2026-09-01","0","Inf","Hrs","0.0960000000","USD","","","","","Compute Instance","AmazonEC2","US East (N. Virginia)","AWS Region","${type}","Shared","${os2}","No License required","BoxUsage:${type}","RunInstances","Used","NA","us-east-1"\n`;
    if (buf.length > 1_048_576) {
      fs.writeSync(out, buf);
      buf = '';
    }
  }
  fs.writeSync(out, buf);
  fs.closeSync(out);
}

function writeJson(file: string): void {
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, '{\n  "formatVersion" : "v1.0",\n  "offerCode" : "AmazonEC2",\n  "version" : "20260924211011",\n  "publicationDate" : "2026-09-24T21:10:11Z",\n  "products" : {\n');
  const n = Math.floor(ROWS / 3);
  let buf = '';
  for (let i = 0; i < n; i++) {
    const type = TYPES[i % TYPES.length];
    buf += `    "${sku(i)}" : { "sku" : "${sku(i)}", "productFamily" : "Compute Instance", "attributes" : { "servicecode" : "AmazonEC2", "location" : "US East (N. Virginia)", "instanceType" : "${type}", "tenancy" : "Shared", "operatingSystem" : "${OS[Math.floor(i / 8) % OS.length]}", "usagetype" : "BoxUsage:${type}", "capacitystatus" : "Used", "preInstalledSw" : "NA", "regionCode" : "us-east-1" } }${i < n - 1 ? ',' : ''}\n`;
    if (buf.length > 1_048_576) {
      fs.writeSync(out, buf);
      buf = '';
    }
  }
  buf += '  },\n  "terms" : {\n    "OnDemand" : {\n';
  for (let i = 0; i < n; i++) {
    buf += `      "${sku(i)}" : { "${sku(i)}.JRTCKXETXF" : { "offerTermCode" : "JRTCKXETXF", "sku" : "${sku(i)}", "effectiveDate" : "2026-09-01T00:00:00Z", "priceDimensions" : { "${sku(i)}.JRTCKXETXF.6YS6EN2CT7" : { "rateCode" : "${sku(i)}.JRTCKXETXF.6YS6EN2CT7", "description" : "$0.096 per On Demand Linux Instance Hour", "beginRange" : "0", "endRange" : "Inf", "unit" : "Hrs", "pricePerUnit" : { "USD" : "0.0960000000" }, "appliesTo" : [ ] } }, "termAttributes" : { } } }${i < n - 1 ? ',' : ''}\n`;
    if (buf.length > 1_048_576) {
      fs.writeSync(out, buf);
      buf = '';
    }
  }
  fs.writeSync(out, buf + '    }\n  }\n}\n');
  fs.closeSync(out);
}

export async function run(): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cie-bench-offer-'));
  try {
    const csv = path.join(dir, 'index.csv');
    const json = path.join(dir, 'index.json');
    writeCsv(csv);
    writeJson(json);
    const lines: string[] = [];
    for (const file of [csv, json]) {
      const mb = fs.statSync(file).size / 1e6;
      const start = process.hrtime.bigint();
      const r = await refreshCatalogFromOfferFiles([file], { regions: ['us-east-1'] });
      const s = Number(process.hrtime.bigint() - start) / 1e9;
      lines.push(`offer files: ${path.extname(file).slice(1).toUpperCase()} ${mb.toFixed(0)} MB read in ${s.toFixed(2)} s (${(mb / s).toFixed(0)} MB/s), ${r.found} catalog prices found, heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
    }
    return lines;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
