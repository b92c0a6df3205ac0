import { Controller, Get, Global, Header, HttpCode, Injectable, Module, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { PublicRoute } from './auth';

type Check = () => Promise<void>;

/** Where an app registers its readiness checks and metric registries. */
@Injectable()
export class ObservabilityRegistry {
  private readonly checks = new Map<string, Check>();
  private readonly registries: Registry[] = [];
  readonly processRegistry = new Registry();

  constructor() {
    collectDefaultMetrics({ register: this.processRegistry, prefix: 'wgas_' });
    this.registries.push(this.processRegistry);
  }

  addCheck(name: string, check: Check): void {
    this.checks.set(name, check);
  }

  addRegistry(registry: Registry): void {
    this.registries.push(registry);
  }

  async runChecks(): Promise<Record<string, string>> {
    const results: Record<string, string> = {};
    await Promise.all(
      [...this.checks].map(async ([name, check]) => {
        try {
          await Promise.race([
            check(),
            new Promise((_, no) => setTimeout(() => no(new Error('timeout')), 2000)),
          ]);
          results[name] = 'up';
        } catch (e) {
          results[name] = `down: ${(e as Error).message}`;
        }
      }),
    );
    return results;
  }

  /**
   * The sum over its labels of one counter or gauge, from the first registry that has it
   * (undefined if none does). Reads that metric alone: a gauge's collect runs, the others'
   * do not.
   */
  async total(name: string): Promise<number | undefined> {
    for (const registry of this.registries) {
      const metric = registry.getSingleMetric(name);
      if (metric) return (await metric.get()).values.reduce((sum, v) => sum + v.value, 0);
    }
    return undefined;
  }

  async metrics(): Promise<{ contentType: string; body: string }> {
    const merged = Registry.merge(this.registries);
    return { contentType: merged.contentType, body: await merged.metrics() };
  }
}

/** The part of a response these routes use, the same on Express and Fastify. */
interface StatusSetter {
  status(code: number): unknown;
  type(contentType: string): unknown;
}

const HEALTH_SCHEMA = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['up', 'down'] },
    checks: {
      type: 'object',
      additionalProperties: { type: 'string', example: 'up' },
      description: "Each dependency: 'up' or 'down: <reason>'",
    },
  },
};

@ApiTags('health')
@PublicRoute()
@Controller()
export class ObservabilityController {
  constructor(private readonly registry: ObservabilityRegistry) {}

  /** Liveness: the process answers. */
  @ApiOperation({ summary: 'Liveness: the process answers (no API key)' })
  @ApiOkResponse({ description: 'Up', schema: { example: { status: 'up' } } })
  @Get('health/live')
  @HttpCode(200)
  live() {
    return { status: 'up' };
  }

  /** Readiness: every dependency check passes (database, Kafka, ...). */
  @ApiOperation({
    summary: 'Readiness: every dependency (database, Kafka, ...) answers (no API key)',
  })
  @ApiOkResponse({ description: 'Ready', schema: HEALTH_SCHEMA })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down', schema: HEALTH_SCHEMA })
  @Get('health/ready')
  async ready(@Res({ passthrough: true }) res: StatusSetter) {
    const checks = await this.registry.runChecks();
    const up = Object.values(checks).every((v) => v === 'up');
    res.status(up ? 200 : 503);
    return { status: up ? 'up' : 'down', checks };
  }

  @ApiOperation({ summary: 'Prometheus metrics (no API key)' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition format' })
  @Get('metrics')
  @Header('Cache-Control', 'no-store')
  async metrics(@Res({ passthrough: true }) res: StatusSetter) {
    const { contentType, body } = await this.registry.metrics();
    res.type(contentType);
    return body;
  }
}

@Global()
@Module({
  providers: [ObservabilityRegistry],
  controllers: [ObservabilityController],
  exports: [ObservabilityRegistry],
})
export class ObservabilityModule {}
