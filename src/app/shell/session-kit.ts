/**
 * What running a workout needs, loaded with the workout page (before its
 * Start button can be tapped, so audio still unlocks inside the tap) or when
 * a run is resumed: the session (engine, audio, speech, vibration, wake lock,
 * media session), the timer screen and the review after it.
 */
import '../run/aq-session-review';
import '../run/aq-timer-screen';
import './run-kit';

export { wallClock, WorkoutSession } from '../run/workout-session';
