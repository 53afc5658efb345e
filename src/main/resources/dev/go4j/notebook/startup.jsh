import dev.go4j.*;
import dev.go4j.Timer;
import static dev.go4j.Go.*;
import java.time.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
import java.util.function.*;
import java.util.stream.*;
