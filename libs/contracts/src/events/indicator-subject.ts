import { IsString, MaxLength } from 'class-validator';

/**
 * What every event about one indicator on `<ns>.indicators.v1` names it by: its keyed id
 * (the record key), its type and canonical value. The indicator events extend this.
 */
export abstract class IndicatorEventSubject {
  @IsString()
  @MaxLength(80)
  indicatorId!: string;

  @IsString()
  @MaxLength(32)
  type!: string;

  @IsString()
  @MaxLength(4096)
  canonical!: string;
}
