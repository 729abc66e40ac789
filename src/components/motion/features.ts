/** The animation features framer-motion loads after the page (see MotionRoot). */
import { domAnimation } from 'framer-motion';

export default domAnimation;
