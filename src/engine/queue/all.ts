/** Every broker's preset, imported statically and registered: for code that runs any broker and
 * has no first load to keep small (the command line, What if?'s and the video's workers,
 * conformance, the tests). The page loads them one by one instead (load.ts). */
import { ideal } from './ideal.ts';
import { kafka } from './kafka.ts';
import './policies.ts';
import { registerPolicy } from './policy.ts';
import { rabbitmq } from './rabbitmq.ts';
import { redis } from './redis.ts';

registerPolicy('ideal', ideal);
registerPolicy('rabbitmq', rabbitmq);
registerPolicy('kafka', kafka);
registerPolicy('redis', redis);
