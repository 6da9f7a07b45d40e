package lang

// chinese maps each English format of the runner to its Chinese.
var chinese = map[string]string{}
