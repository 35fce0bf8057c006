"""pycocotools' COCOeval on a truth file and a results list, the way its README runs it: load both, evaluate,
accumulate, summarize. The last line printed is {"map": AP@[.5:.95]} for squint-bench to compare."""
import json
import sys

from pycocotools.coco import COCO
from pycocotools.cocoeval import COCOeval

truth = COCO(sys.argv[1])
results = truth.loadRes(sys.argv[2])
evaluation = COCOeval(truth, results, "bbox")
evaluation.evaluate()
evaluation.accumulate()
evaluation.summarize()
print(json.dumps({"map": float(evaluation.stats[0])}))
