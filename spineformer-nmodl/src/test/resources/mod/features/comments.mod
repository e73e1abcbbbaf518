TITLE comments of three kinds
COMMENT
NEURON { this is not parsed }
ENDCOMMENT
NEURON { SUFFIX cm } : a colon comment
? a question-mark comment
PARAMETER { p = 1 }
INITIAL {
    COMMENT inside a block ENDCOMMENT
    p = 2
}
