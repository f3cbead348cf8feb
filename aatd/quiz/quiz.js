// Reads its own JSON blob and inserts feedback with textContent only: no eval, no network.
// AATD_ROOT_ID is replaced by the quiz's element id (a JSON string) when the quiz is rendered.
(function(){
var s=document.currentScript,root=s&&s.closest?s.closest(".aatd-quiz"):null;
if(!root)root=document.getElementById(AATD_ROOT_ID);
if(!root||root.getAttribute("data-ready"))return;root.setAttribute("data-ready","1");
if(document.getElementById(root.id)!==root){var old=root.id,k=2;while(document.getElementById(old+"-copy"+k))k++;
var nu=old+"-copy"+k;root.querySelectorAll("[id],[for],[name],[aria-describedby]").forEach(function(e){
["id","for","name","aria-describedby"].forEach(function(a){var v=e.getAttribute(a);
if(v&&v.indexOf(old)===0)e.setAttribute(a,nu+v.slice(old.length));});});root.id=nu;}
var data=JSON.parse(root.querySelector("script.aatd-quiz-data").textContent),ok={};
var nojs=root.querySelector(".aatd-quiz-nojs");if(nojs)nojs.remove();
function el(tag,text){var e=document.createElement(tag);if(text)e.textContent=text;return e;}
function parse(v,units){v=v.replace(/\s+/g,"");var u=units.replace(/\s+/g,"").toLowerCase();
if(u&&v.toLowerCase().slice(-u.length)===u)v=v.slice(0,v.length-u.length);
if(!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(v))return null;return parseFloat(v.replace(",","."));}
function show(q,box,state,lines){box.textContent="";
box.className="aatd-quiz-feedback"+(state===true?" is-correct":state===false?" is-incorrect":"");
var p=el("p");if(state!==null)p.appendChild(el("strong",state?"\u2713 Correct. ":"\u2717 Not correct yet. "));
if(lines.length===1&&typeof lines[0]==="string"){p.appendChild(document.createTextNode(lines[0]));box.appendChild(p);}
else{if(p.firstChild)box.appendChild(p);var ul=el("ul");lines.forEach(function(l){var li=el("li");
if(typeof l==="string")li.textContent=l;else{li.appendChild(el("strong",l[0]+": "));li.appendChild(document.createTextNode(l[1]));}
ul.appendChild(li);});box.appendChild(ul);}
if(state!==null){var r=el("p","Review: "),a=el("a",q.section);a.href="#"+q.anchor;
a.addEventListener("click",function(ev){if(document.getElementById(q.anchor))return;
var hs=document.querySelectorAll("h1,h2,h3,h4,h5,h6");for(var i=0;i<hs.length;i++){
if(hs[i].textContent.replace(/[\u00b6#]/g,"").trim()===q.section){ev.preventDefault();hs[i].scrollIntoView();return;}}});
r.appendChild(a);box.appendChild(r);}}
function check(div){var id=div.getAttribute("data-qid"),q=data.questions[id];
var box=div.querySelector(".aatd-quiz-feedback"),state,lines=[];
if(q.type==="numeric"){var x=parse(div.querySelector("input").value,q.units);
if(x===null){show(q,box,null,["Type a number first: digits, with a decimal point or comma if you need one."]);return;}
state=Math.abs(x-q.answer)<=q.tolerance+1e-9;lines=[state?q.correct:q.incorrect];
if(!state)q.mistakes.some(function(m){if(Math.abs(x-m.value)<=m.tolerance+1e-9){lines=[m.feedback];return true;}});
}else{var boxes=div.querySelectorAll("input"),picked=0,missed=0;state=true;
for(var i=0;i<boxes.length;i++){var o=q.options[i];if(boxes[i].checked){picked++;
lines.push(q.type==="multiple"?[o.text+(o.correct?" (a correct choice)":" (not a correct choice)"),o.feedback]:o.feedback);if(!o.correct)state=false;}
else if(o.correct){missed++;state=false;}}
if(!picked){show(q,box,null,[q.type==="multiple"?"Select at least one answer first.":"Choose an answer first."]);return;}
if(q.type==="multiple"&&missed)lines.push(missed===1?"One more choice is also correct.":missed+" more choices are also correct.");}
ok[id]=state;show(q,box,state,lines);var n=0;for(var k in ok)if(ok[k])n++;
root.querySelector(".aatd-quiz-score").textContent="Score: "+n+" of "+data.n+" correct";}
root.querySelectorAll(".aatd-quiz-q").forEach(function(div){
div.querySelector(".aatd-quiz-check").addEventListener("click",function(){check(div);});
var t=div.querySelector("input[type=text]");if(t)t.addEventListener("keydown",function(e){
if(e.key==="Enter"){e.preventDefault();check(div);}});});
})();
