import { EnvironmentTier, WorkloadType, DataStoreKind } from '../src/requirements';
import { findRequirementProblems } from '../src/requirements/validate';

const valid = {
  name: 'shop',
  environment: EnvironmentTier.PRODUCTION,
  services: [{ name: 'api', workload: WorkloadType.HTTP_API, dataStores: ['orders'], traffic: { monthlyRequests: 1000 } }],
  dataStores: [{ name: 'orders', kind: DataStoreKind.KEY_VALUE }],
  tags: { anyKey: 'tags are a free map' },
};

const problemsOf = (input: unknown) => findRequirementProblems(input).map((p) => `${p.path} ${p.message}`);

describe('requirements are read strictly: every unknown key is an error with its path and the nearest field', () => {
  test('valid requirements, including free tag keys, have no problem', () => {
    expect(problemsOf(valid)).toEqual([]);
  });

  test('a misspelled top-level key names the field it was probably meant to be', () => {
    expect(problemsOf({ ...valid, complience: ['hipaa'], datastores: [] })).toEqual(expect.arrayContaining([
      'requirements.complience is not a field; did you mean compliance?',
      'requirements.datastores is not a field; did you mean dataStores?',
    ]));
  });

  test('keys inside services, their traffic and auth, data stores, availability, budget and domain are checked', () => {
    const problems = problemsOf({
      ...valid,
      services: [{ ...valid.services[0], trafic: {}, traffic: { monthlyRequest: 5 }, auth: { type: 'IAM', audiance: ['x'] } }],
      dataStores: [{ name: 'orders', kind: DataStoreKind.KEY_VALUE, storageGB: 4 }],
      availability: { targetPercent: 99.9, rpo: 5 },
      budget: { monthlyUsd: 10, enforcment: 'WARN' },
      domain: { zoneName: 'example.com', hostedZoneId: 'Z1', certificateARN: 'arn' },
    });
    expect(problems).toEqual(expect.arrayContaining([
      'requirements.services[0].trafic is not a field; did you mean traffic?',
      'requirements.services[0].traffic.monthlyRequest is not a field; did you mean monthlyRequests?',
      'requirements.services[0].auth.audiance is not a field; did you mean audience?',
      'requirements.dataStores[0].storageGB is not a field; did you mean storageGb?',
      'requirements.budget.enforcment is not a field; did you mean enforcement?',
      'requirements.domain.certificateARN is not a field; did you mean certificateArn?',
    ]));
    expect(problems.find((p) => p.startsWith('requirements.availability.rpo '))).toMatch(/did you mean rpoMinutes\?|known fields are/);
  });

  test('a key far from every field lists the known fields', () => {
    expect(problemsOf({ ...valid, colour: 'blue' })).toContainEqual(expect.stringMatching(/^requirements.colour is not a field; known fields are name, environment, services/));
  });
});
