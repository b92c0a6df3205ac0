import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import {
  PREFIX,
  PREFIX_PAD,
  type PrefixAnswer,
  type PrefixEntry,
  type Verdict,
} from '../indicator-lookup.service';
import { INDICATOR_ID_PROPERTY, VERDICT_DESCRIPTION, VERDICTS } from './indicator-view.response';

@ApiSchema({ name: 'PrefixEntry' })
export class PrefixEntryResponse implements PrefixEntry {
  @ApiProperty(INDICATOR_ID_PROPERTY)
  indicatorId!: string;

  @ApiProperty({ enum: VERDICTS, description: VERDICT_DESCRIPTION })
  verdict!: Verdict;

  @ApiProperty({ minimum: 0, maximum: 1, description: '0 for not_listed padding entries' })
  confidence!: number;
}

@ApiSchema({
  name: 'PrefixAnswer',
  description:
    "Every full hash under the prefix that the caller may see, padded so that neither the node nor an observer of the answer's size learns which value the caller holds",
})
export class PrefixAnswerResponse implements PrefixAnswer {
  @ApiProperty({ pattern: PREFIX.source, example: 'v1:3f3f' })
  prefix!: string;

  @ApiProperty({
    type: [PrefixEntryResponse],
    description: `Sorted by indicatorId; padded with random not_listed hashes to a multiple of ${PREFIX_PAD} entries. Compare your full hash locally.`,
  })
  matches!: PrefixEntryResponse[];
}
